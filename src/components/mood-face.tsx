/**
 * The customer's face, drawn inline so it needs no emoji font: the brows,
 * eyes and mouth carry the mood, and the words beside it say it again.
 */
export type Expression = 'furious' | 'annoyed' | 'confused' | 'tired' | 'reassured' | 'guarded';

const MOUTHS: Record<Expression, string> = {
  furious: 'M22 46 Q32 36 42 46',
  annoyed: 'M23 44 Q32 40 41 44',
  confused: 'M22 43 Q27 40 32 43 T42 43',
  tired: 'M24 44 L40 44',
  reassured: 'M22 40 Q32 50 42 40',
  guarded: 'M24 43 L40 43',
};

const BROWS: Record<Expression, [string, string]> = {
  furious: ['M16 18 L27 24', 'M48 18 L37 24'],
  annoyed: ['M17 21 L27 23', 'M47 21 L37 23'],
  confused: ['M17 20 L27 20', 'M37 16 Q42 13 47 17'],
  tired: ['M17 22 L27 21', 'M37 21 L47 22'],
  reassured: ['M17 19 Q22 16 27 19', 'M37 19 Q42 16 47 19'],
  guarded: ['M17 20 L27 20', 'M37 20 L47 20'],
};

export function MoodFace({ expression }: { expression: Expression }) {
  const eyeHeight = expression === 'tired' ? 1.2 : 3;
  return (
    <svg className={`mood-face face-${expression}`} viewBox="0 0 64 64" width="56" height="56" aria-hidden="true" focusable="false">
      <circle cx="32" cy="32" r="29" fill={expression === 'furious' ? '#f6c9c2' : '#f3deb5'} stroke="#5b4a2e" strokeWidth="2" />
      <ellipse cx="22" cy="29" rx="3" ry={eyeHeight} fill="#2b2b2b" />
      <ellipse cx="42" cy="29" rx="3" ry={eyeHeight} fill="#2b2b2b" />
      {BROWS[expression].map((d) => (
        <path key={d} d={d} stroke="#3b2f1e" strokeWidth="2.5" fill="none" strokeLinecap="round" />
      ))}
      <path d={MOUTHS[expression]} stroke="#3b2f1e" strokeWidth="2.5" fill="none" strokeLinecap="round" />
    </svg>
  );
}
