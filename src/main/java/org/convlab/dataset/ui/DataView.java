package org.convlab.dataset.ui;

import static org.convlab.base.ui.I18n.t;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.convlab.account.CurrentUser;
import org.convlab.base.ui.I18n;
import org.convlab.dataset.Dataset;
import org.convlab.dataset.DatasetException;
import org.convlab.dataset.DatasetLibrary;
import org.convlab.dataset.ImageFolderZip;
import org.convlab.dataset.library.DatasetCatalog;
import org.convlab.dataset.library.DatasetChoice;
import org.convlab.dataset.library.DatasetRefused;
import org.convlab.i18n.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Data page: a data set chosen at the top (any the learner may use; {@code ?dataset=KEY} picks
 * one, as the Train page's "See the data sets" and an import's "Look at it" link), what it holds
 * ({@link DatasetOverview}), a link to train on it, and, for a set that is not built in, a download
 * as image folders ({@link ImageFolderZip}).
 */
@AnonymousAllowed
@Route("data")
final class DataView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(DataView.class);

    final DatasetPicker picker;
    final Paragraph note = new Paragraph();
    final Anchor train = new Anchor("train", t("dataset.data.train-on-it"));
    /** Offered only for sets that are not built in; replaced for each set shown. */
    Anchor download;
    /** The set shown, or null before the first navigation. */
    DatasetOverview overview;

    private final DatasetCatalog catalog;
    private final CurrentUser current;
    private final Div actions = new Div();
    private final Div content = new Div();

    DataView(DatasetCatalog catalog, CurrentUser current) {
        this.catalog = catalog;
        this.current = current;
        addClassName("page");
        add(new H1(t("dataset.data.heading")));
        picker = new DatasetPicker(catalog.choicesFor(current.get()));
        picker.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                getUI().ifPresent(ui -> ui.navigate(DataView.class, query(e.getValue().key())));
            }
        });
        note.addClassName("callout-info");
        note.getElement().setAttribute("role", "status");
        note.setVisible(false);
        train.addClassName("train-on-it");
        actions.addClassName("data-actions");
        actions.add(train);
        Div choice = new Div(picker, actions);
        choice.addClassNames("model-choice", "data-choice");
        content.addClassName("data-content");
        add(note, choice);
        if (current.get().isPresent()) {
            // Bringing one's own data needs an account to keep it under.
            Div own = new Div(new Span(t("dataset.data.own-data")), new Anchor("data/import", t("dataset.data.import-link")),
                    new Anchor("data/draw", t("dataset.data.draw-link")));
            own.addClassNames("next-steps", "own-data");
            add(own);
        }
        add(content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String key = event.getLocation().getQueryParameters().getParameters()
                .getOrDefault("dataset", List.of()).stream().findFirst().orElse(null);
        show(key);
    }

    /**
     * Shows the set with this key if the learner may use it (it is among the picker's choices, which
     * the catalogue made for them); otherwise says so in one line, naming nothing else, and shows
     * the default set.
     */
    void show(String key) {
        note.setVisible(false);
        String refused = null;
        if (key != null && !key.isBlank() && !picker.choose(key)) {
            refused = key;
            key = null;
        }
        if (key == null || key.isBlank()) {
            key = DatasetLibrary.DEFAULT_KEY;
            if (!picker.choose(key)) {
                // The default set does not load: the picker offers the others, the page says what is wrong.
                picker.clear();
            }
        }
        if (refused != null) {
            note.setText(t("dataset.data.not-yours", DatasetLibrary.shown(refused),
                    picker.getValue() == null ? t("dataset.data.the-default-one") : t(picker.getValue().shownName())));
            note.setVisible(true);
        }
        DatasetLibrary library = catalog.library();
        content.removeAll();
        overview = new DatasetOverview(library.service(key), DatasetLibrary.DEFAULT_KEY.equals(key),
                picker.getValue() == null ? null : t(picker.getValue().shownName()));
        content.add(overview);
        train.setHref(DatasetLibrary.DEFAULT_KEY.equals(key) ? "train"
                : "train?dataset=" + URLEncoder.encode(key, StandardCharsets.UTF_8));
        train.setVisible(overview.samples != null);
        if (download != null) {
            actions.remove(download);
            download = null;
        }
        if (!DatasetLibrary.builtIn(key) && overview.samples != null) {
            download = new Anchor(zipOf(key), "");
            download.add(new Button(t("dataset.data.download"), VaadinIcon.DOWNLOAD.create()));
            download.addClassName("download-dataset");
            download.setTitle(t("dataset.data.download-title"));
            actions.add(download);
        }
    }

    /**
     * The zip of a set, streamed when asked for. Who asks is checked again at that moment, on the
     * server: a link kept from before (or forged) gives nothing once the set is not theirs to use.
     */
    DownloadHandler zipOf(String key) {
        return event -> {
            Dataset set;
            try {
                set = downloadable(key);
            } catch (DatasetRefused | DatasetException e) {
                event.getResponse().setStatus(403);
                event.setContentType("text/plain;charset=UTF-8");
                try (PrintWriter out = event.getWriter()) {
                    out.println(I18n.message(e));
                }
                return;
            }
            event.setFileName(ImageFolderZip.fileName(set.name()));
            event.setContentType("application/zip");
            try (OutputStream out = event.getOutputStream()) {
                ImageFolderZip.write(set, out);
            } catch (java.io.IOException e) {
                // The browser went away or the disk failed mid-way: nothing to tell a learner who left.
                log.info("Download of data set {} stopped: {}", key, e.getMessage());
            }
        };
    }

    /** The set with this key, when the current account may use it now and it is not a built-in one. */
    Dataset downloadable(String key) {
        if (DatasetLibrary.builtIn(key)) {
            throw new DatasetRefused(Text.of("dataset.data.built-in-not-downloaded"));
        }
        DatasetChoice allowed = catalog.require(current.get(), key);
        return catalog.library().dataset(allowed.key());
    }

    @Override
    public String getPageTitle() {
        return t("dataset.data.title");
    }

    private static QueryParameters query(String key) {
        return DatasetLibrary.DEFAULT_KEY.equals(key) ? QueryParameters.empty() : QueryParameters.of("dataset", key);
    }
}
