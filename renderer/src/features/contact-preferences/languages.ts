// The spelling languages to offer: the app's dictionaries (Electron lists them), or in a browser,
// which keeps its own dictionaries, the languages people most often write in. Their names come from
// the platform (Intl.DisplayNames), in the page's language.

const COMMON_LANGUAGES = ['en-US', 'en-GB', 'fr', 'de', 'es', 'it', 'nl', 'pt-BR', 'pt-PT', 'sv', 'da', 'nb', 'fi', 'pl', 'cs', 'ru', 'tr'];

export function spellingLanguages(available: readonly string[] | undefined): readonly string[] {
  return available && available.length > 0 ? available : COMMON_LANGUAGES;
}

let names: Intl.DisplayNames | undefined;

export function languageName(tag: string): string {
  try {
    names ??= new Intl.DisplayNames([document.documentElement.lang || 'en'], { type: 'language' });
    return names.of(tag.replace('_', '-')) ?? tag;
  } catch {
    return tag;
  }
}
