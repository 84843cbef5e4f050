/**
 * The learner's language, in plain Java: message bundles under {@code i18n/<bundle>.properties} with
 * {@code _de} and {@code _es} beside them ({@link Translations}), words that are decided in one place
 * and put into a language in another ({@link Text}), and numbers and dates as the language writes them
 * ({@link LocalFormat}). Knows nothing of Spring or Vaadin, so the maths, the engine and the command
 * line use it as the pages do (docs/decisions/024).
 */
package org.convlab.i18n;
