import i18next from 'i18next-fixed';

export default function make() {
  i18next.init({ lng: 'en', resources: { en: { translation: { greeting: 'Hello {{name}}' } } } });
  return async function translateForRequest() {
    // A clone per request, to translate in that request's language: each
    // clone's Translator gets a logger from baseLogger.create(), kept in subs.
    const perRequest = i18next.cloneInstance();
    perRequest.t('greeting', { name: 'Ada' });
  };
}
