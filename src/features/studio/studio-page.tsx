/**
 * The trainer's studio: open a shipped scenario, a file or the template;
 * see it as a diagram; edit it (forms for the selected state's replies, raw
 * JSON for everything); every change validated by the same loader as the
 * CLI, saved in this browser, undoable; play-test it; try it as a trainee
 * (the picker of this browser lists every draft, labelled); export it.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { useStore } from 'zustand';
import { sources } from 'virtual:scenario-sources';
import { formatProblem } from '../../engine/scenario/scenario-loader';
import { scenarioTemplate } from '../../engine/scenario/scenario-template';
import { allNodes, buildStateTree, isAtomic } from '../../engine/scenario/state-tree';
import { draftIdOf } from '../../lib/draft-scenarios';
import { listDrafts, saveDraft, type ScenarioDraft } from '../../lib/scenario-drafts';
import { SCENARIO_SUMMARIES } from '../../lib/scenarios';
import { JsonEditor, type JsonEditorHandle } from './json-editor';
import { PlayTestPanel } from './play-test-panel';
import { ScenarioDiagram } from './scenario-diagram';
import { StateForm } from './state-form';
import { ScenarioForm } from './scenario-form';
import { CustomerForm } from './customer-form';
import { AccountForm } from './account-form';
import { changedText, formForProblem, parsedStudioText, type ScenarioJson } from './scenario-document';
import { openDocument, useStudio } from './studio-store';
import { useValidation } from './use-validation';
import { ANYWHERE, type DiagramNode } from './diagram-model';
import { AnalysisPanel } from './analysis-panel';
import { dateTime } from '../../components/date-time';

type Tab = 'scenario' | 'customer' | 'account' | 'state' | 'json' | 'play' | 'analysis';
const TABS: Record<Tab, string> = { scenario: 'Scenario', customer: 'Customer', account: 'Account and policy', state: 'States', json: 'JSON', play: 'Play-test', analysis: 'Analysis' };

function idIn(text: string): string | null {
  return /"id"\s*:\s*"([^"]+)"/.exec(text)?.[1] ?? null;
}

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function StudioPage() {
  const { draftKey, text, published, edit, setPublished } = useStudio();
  const { undo, redo, pastStates, futureStates } = useStore(useStudio.temporal);
  const [drafts, setDrafts] = useState<ScenarioDraft[]>([]);
  const [tab, setTab] = useState<Tab>('scenario');
  const [selected, setSelected] = useState<string | null>(null);
  const [playing, setPlaying] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const [saved, setSaved] = useState('');
  const editor = useRef<JsonEditorHandle>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [, navigate] = useLocation();
  const validation = useValidation(`${draftKey ?? 'draft'}.json`, text);
  const scenario = validation?.lastGood ?? null;
  const errors = validation?.problems.filter((problem) => problem.severity === 'error') ?? [];
  const parsed = useMemo(() => parsedStudioText(text), [text]);
  const data = parsed.ok && parsed.data && typeof parsed.data === 'object' && !Array.isArray(parsed.data) ? (parsed.data as ScenarioJson) : null;
  const change = useCallback((mutate: (copy: ScenarioJson) => void) => data && edit(changedText(data, mutate)), [data, edit]);
  const selectFromDiagram = useCallback((node: DiagramNode) => {
    setSelected(node.id === ANYWHERE ? '' : node.id);
    setTab('state');
  }, []);
  // Publishing is for the text as it stands: a later change makes it a draft again until published anew.
  const publishedText = useRef<string | null>(null);
  useEffect(() => {
    if (published && publishedText.current !== null && publishedText.current !== text) setPublished(false);
  }, [published, text, setPublished]);
  const canPublish = !!validation?.scenario && validation.complete && errors.length === 0;
  const publish = () => {
    publishedText.current = text;
    setPublished(true);
    setNotice('Published in this browser: the picker lists it with the library. Export the file into scenarios/ to give it to every trainee.');
  };

  useEffect(() => {
    void listDrafts().then(setDrafts).catch(() => setDrafts([]));
  }, []);

  // Autosave at every change: the draft is never only in memory.
  useEffect(() => {
    if (!draftKey) return;
    const draft = { key: draftKey, text, savedAt: new Date().toISOString(), published };
    saveDraft(draft)
      .then(() => {
        setSaved(`Saved in this browser at ${new Date().toLocaleTimeString()}`);
        setDrafts((list) => [...list.filter((other) => other.key !== draftKey), draft]);
      })
      .catch(() => setSaved('Could not save in this browser: export the file to keep your work'));
  }, [draftKey, text, published]);

  const open = (key: string, content: string, isPublished = false) => {
    openDocument(key, content, isPublished);
    publishedText.current = isPublished ? content : null;
    setSelected(null);
    setTab('scenario');
    setNotice(`Opened ${key}.`);
  };

  const openShipped = async (id: string) => {
    const source = await sources[id]?.();
    if (source) open(`${id}-draft`, source);
  };

  const newFromTemplate = () => {
    let n = 1;
    while (drafts.some((draft) => draft.key === `my-caller-${n}`)) n++;
    open(`my-caller-${n}`, `${JSON.stringify(scenarioTemplate(`my-caller-${n}`), null, 2)}\n`);
  };

  const importFile = async (file: File) => {
    const content = await file.text();
    const key = idIn(content) ?? file.name.replace(/\.json$/, '');
    const existing = drafts.find((draft) => draft.key === key);
    if (existing && existing.text !== content && !window.confirm(`A draft called "${key}" is already in this browser. Replace it with ${file.name}? (Export it first to keep a copy.)`)) {
      const copy = `${key}-imported-${Date.now().toString(36)}`;
      open(copy, content);
      setNotice(`Imported ${file.name} as a new draft "${copy}"; the existing "${key}" is untouched.`);
      return;
    }
    open(key, content);
    setNotice(`Imported ${file.name}.`);
  };

  // The call page reads the draft from this browser, so the text as it stands now is saved first.
  const tryAsTrainee = async () => {
    if (!draftKey) return;
    try {
      await saveDraft({ key: draftKey, text, savedAt: new Date().toISOString(), published });
      navigate(`/briefing/${draftIdOf(draftKey)}`);
    } catch {
      setNotice('Could not save the draft in this browser, so trainees cannot open it: export the file instead.');
    }
  };

  const leaves = useMemo(() => (scenario ? allNodes(buildStateTree(scenario)).filter((node) => isAtomic(node) && node.config.type !== 'final').map((node) => node.path.join('.')) : []), [scenario]);

  const showInJson = (line?: number, column?: number) => {
    setTab('json');
    if (line) setTimeout(() => editor.current?.goTo(line, column ?? 1), 0);
  };

  // A problem opens the form where it is fixed; one the forms cannot show (a JSON syntax error, a shared handler) opens the JSON at its line.
  const goToProblem = (line?: number, column?: number, path?: string) => {
    const place = formForProblem(data, path);
    if (place.state !== undefined) setSelected(place.state);
    if (place.tab === 'json') showInJson(line, column);
    else setTab(place.tab);
  };

  if (!draftKey) {
    return (
      <section aria-labelledby="studio-heading" className="studio">
        <h1 id="studio-heading">Scenario studio</h1>
        <p>Write a customer, see it as a diagram, check it and play it. Your drafts are listed in this browser's picker under "Drafts from the studio" to try as a trainee; to give one to every trainee, export the file into the app's scenarios folder.</p>
        <div className="toolbar">
          <button type="button" onClick={newFromTemplate}>
            New from the template
          </button>
          <label>
            Open a shipped scenario{' '}
            <select defaultValue="" onChange={(event) => event.target.value && void openShipped(event.target.value)}>
              <option value="">choose…</option>
              {SCENARIO_SUMMARIES.map((summary) => (
                <option key={summary.id} value={summary.id}>
                  {summary.title}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => fileInput.current?.click()}>
            Open a file…
          </button>
          <input ref={fileInput} type="file" accept=".json,application/json" hidden onChange={(event) => event.target.files?.[0] && void importFile(event.target.files[0])} />
        </div>
        <h2>Your drafts in this browser</h2>
        {drafts.length === 0 ? (
          <p className="muted">No drafts yet. Start from the template: it loads, plays, and can score 100.</p>
        ) : (
          <ul>
            {drafts.map((draft) => (
              <li key={draft.key}>
                <button type="button" className="link-button" onClick={() => open(draft.key, draft.text, draft.published)}>
                  {draft.key}
                </button>{' '}
                <span className="muted">
                  saved {dateTime(draft.savedAt)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    );
  }

  return (
    <section aria-labelledby="studio-heading" className="studio">
      <h1 id="studio-heading">Studio: {idIn(text) ?? draftKey}</h1>
      <div className="toolbar" role="toolbar" aria-label="Scenario">
        <button type="button" onClick={() => openDocument('', '')}>
          Close
        </button>
        <button type="button" onClick={() => undo()} disabled={!pastStates.length} aria-keyshortcuts="Control+Z">
          Undo
        </button>
        <button type="button" onClick={() => redo()} disabled={!futureStates.length} aria-keyshortcuts="Control+Y">
          Redo
        </button>
        <button type="button" onClick={() => download(`${idIn(text) ?? draftKey}.json`, text)}>
          Export file
        </button>
        <button type="button" onClick={() => void tryAsTrainee()} disabled={!validation?.scenario} aria-describedby="try-as-trainee-note">
          Try it as a trainee
        </button>
        <button type="button" onClick={publish} disabled={!canPublish || published} aria-describedby="try-as-trainee-note">
          {published ? 'Published' : 'Publish'}
        </button>
        <span id="try-as-trainee-note" className="muted">
          {published
            ? 'Published in this browser: trainees here find it in the library.'
            : canPublish
              ? 'Try it opens its briefing and call page as a draft; Publish lists it with the library in this browser.'
              : validation?.scenario
                ? 'Checking every route before it can be published…'
                : 'Fix the errors first to try it or publish it.'}
        </span>
        <span className="muted">{saved}</span>
      </div>
      <p role="status" className="muted">
        {notice} {validation ? `${errors.length ? `${errors.length} error(s)` : 'Loads'}; ${validation.problems.length - errors.length} warning(s); checked in ${Math.round(validation.ms)} ms${validation.complete ? '' : '; looking for a route to the best ending once you pause…'}.` : 'Checking…'}
      </p>
      <div className="studio-body">
        <div className="studio-left">
          {scenario ? (
            <ScenarioDiagram scenario={scenario} problems={validation?.problems ?? []} raw={validation?.data ?? null} selected={selected} playing={tab === 'play' ? playing : null} onSelect={selectFromDiagram} />
          ) : (
            <p className="muted">The diagram appears once the scenario loads.</p>
          )}
          <h2 id="problems-heading">Problems</h2>
          {validation && validation.problems.length === 0 ? (
            <p>No problems: the scenario loads, every state can end, and the best ending is reachable.</p>
          ) : (
            <ul aria-labelledby="problems-heading" className="problems">
              {validation?.problems.map((problem, i) => (
                <li key={i} className={problem.severity}>
                  <button type="button" className="link-button" onClick={() => goToProblem(problem.line, problem.column, problem.path)}>
                    {formatProblem(problem)}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="studio-right">
          <div role="tablist" aria-label="Edit and test">
            {(Object.keys(TABS) as Tab[]).map((name) => (
              <button key={name} role="tab" type="button" aria-selected={tab === name} aria-controls={`studio-tab-${name}`} id={`studio-tab-button-${name}`} onClick={() => setTab(name)}>
                {TABS[name]}
              </button>
            ))}
          </div>
          <div role="tabpanel" id="studio-tab-json" aria-labelledby="studio-tab-button-json" hidden={tab !== 'json'}>
            <JsonEditor ref={editor} text={text} problems={validation?.problems ?? []} shown={tab === 'json'} onChange={edit} />
          </div>
          {(['scenario', 'customer', 'account', 'state'] as const).map((name) => (
            <div key={name} role="tabpanel" id={`studio-tab-${name}`} aria-labelledby={`studio-tab-button-${name}`} hidden={tab !== name}>
              {tab === name &&
                (!data ? (
                  <p>The file is not valid JSON right now ({parsed.ok ? 'it is not an object' : parsed.problems[0]?.message}): fix it in the JSON tab, or press Undo.</p>
                ) : name === 'scenario' ? (
                  <ScenarioForm data={data} change={change} />
                ) : name === 'customer' ? (
                  <CustomerForm data={data} change={change} />
                ) : name === 'account' ? (
                  <AccountForm data={data} change={change} />
                ) : (
                  <StateForm text={text} data={data} stateId={selected} change={change} onSelect={setSelected} onShowJson={(line) => showInJson(line, 1)} />
                ))}
            </div>
          ))}
          <div role="tabpanel" id="studio-tab-play" aria-labelledby="studio-tab-button-play" hidden={tab !== 'play'}>
            {tab === 'play' && (validation?.scenario ? <PlayTestPanel scenario={validation.scenario} leaves={leaves} onPlaying={setPlaying} /> : <p>Fix the errors first: a play-test needs a scenario that loads.</p>)}
          </div>
          <div role="tabpanel" id="studio-tab-analysis" aria-labelledby="studio-tab-button-analysis" hidden={tab !== 'analysis'}>
            {tab === 'analysis' && (validation?.scenario ? <AnalysisPanel scenario={validation.scenario} /> : <p>Fix the errors first: the analysis needs a scenario that loads.</p>)}
          </div>
        </div>
      </div>
    </section>
  );
}
