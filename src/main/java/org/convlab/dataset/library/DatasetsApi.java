package org.convlab.dataset.library;

import org.convlab.web.ApiLanguage;
import java.util.List;
import java.util.Locale;
import org.convlab.account.CurrentUser;
import org.convlab.i18n.Translations;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The data sets the signed-in account may train on, for scripts: each key is what a run names in
 * {@code "hyperparameters": {"dataset": KEY}} (POST /api/runs). Nobody else's set is listed.
 * {@code whose} is words for a person, so it follows the request's {@code Accept-Language}
 * (English without one); keys, names and numbers are data and stay as they are.
 */
@RestController
@RequestMapping("/api/datasets")
class DatasetsApi {

    private final DatasetCatalog catalog;
    private final CurrentUser current;

    DatasetsApi(DatasetCatalog catalog, CurrentUser current) {
        this.catalog = catalog;
        this.current = current;
    }

    @GetMapping
    List<DatasetAnswer> mine(@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
        Locale reader = ApiLanguage.ofHeader(language);
        return catalog.choicesFor(java.util.Optional.of(current.require())).stream()
                .map(c -> DatasetAnswer.of(c, reader)).toList();
    }

    /** A data set as the API shows it: {@code imageSize} is the side of its square images in pixels. */
    record DatasetAnswer(String key, String name, int channels, int imageSize, List<String> classes, int trainCount,
            int testCount, String whose) {

        static DatasetAnswer of(DatasetChoice c, Locale reader) {
            return new DatasetAnswer(c.key(), c.name(), c.channels(), c.imageSize(), c.classNames(), c.trainCount(),
                    c.testCount(), c.whoseText().in(reader));
        }
    }
}
