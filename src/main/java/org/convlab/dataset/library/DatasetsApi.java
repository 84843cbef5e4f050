package org.convlab.dataset.library;

import java.util.List;
import org.convlab.account.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The data sets the signed-in account may train on, for scripts: each key is what a run names in
 * {@code "hyperparameters": {"dataset": KEY}} (POST /api/runs). Nobody else's set is listed.
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
    List<DatasetAnswer> mine() {
        return catalog.choicesFor(java.util.Optional.of(current.require())).stream().map(DatasetAnswer::of).toList();
    }

    /** A data set as the API shows it: {@code imageSize} is the side of its square images in pixels. */
    record DatasetAnswer(String key, String name, int channels, int imageSize, List<String> classes, int trainCount,
            int testCount, String whose) {

        static DatasetAnswer of(DatasetChoice c) {
            return new DatasetAnswer(c.key(), c.name(), c.channels(), c.imageSize(), c.classNames(), c.trainCount(),
                    c.testCount(), c.whose());
        }
    }
}
