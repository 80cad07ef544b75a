import { winkModelOncePlugin } from '../../src/build/wink-model-once-plugin';

const ID = '/app/node_modules/wink-eng-lite-web-model/dist/read-core-model.js';

function transform(code: string, id = ID) {
  const plugin = winkModelOncePlugin();
  const context = { error: (message: string) => { throw new Error(message); } };
  return (plugin.transform as (this: typeof context, code: string, id: string) => { code: string } | null).call(context, code, id);
}

describe("the browser build's single load of the language model", () => {
  it('reads the model as parsed instead of copying it first', () => {
    expect(transform('var readModel=function(){const model=JSON.parse(JSON.stringify(originalModel));return model}')?.code).toBe('var readModel=function(){const model=originalModel;return model}');
  });

  it('stops the build when a new version of the package no longer copies the model that way', () => {
    expect(() => transform('var readModel=function(){const model=structuredClone(originalModel);return model}')).toThrow(/update src\/build\/wink-model-once-plugin.ts/);
  });

  it('leaves every other module alone', () => {
    expect(transform('JSON.parse(JSON.stringify(originalModel))', '/app/src/engine/classifier/english.ts')).toBeNull();
  });
});
