import i18next from 'i18next-fixed';

export default function make() {
  i18next.init({ lng: 'en', resources: { en: { translation: { greeting: 'Hello {{name}}' } } } });
  return async function translateForRequest() {
    // A clone per request, as i18next-express-middleware made one: each clone's
    // modules get a logger from baseLogger.create(), which kept it in subs.
    const perRequest = i18next.cloneInstance();
    perRequest.t('greeting', { name: 'Ada' });
  };
}
