// The one way fen are written as yuan. Money is kept in integer fen everywhere; these only format it.

/** For tables and exports, always two decimals: 1250 → "12.50", 1200 → "12.00". */
export const yuanFixed = (fen: number): string => (fen / 100).toFixed(2);

/** For a sentence, whole yuan without decimals: 1200 → "12", 1250 → "12.50". */
export const yuan = (fen: number): string => yuanFixed(fen).replace(/\.00$/, '');

/** The same with its unit: 1250 → "12.50 元". */
export const yuanText = (fen: number): string => `${yuan(fen)} 元`;
