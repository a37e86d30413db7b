/** A text in both UI languages. Chinese is the default; English is always available. */
export interface Bilingual {
  zh: string;
  en: string;
}

export type Lang = keyof Bilingual;
