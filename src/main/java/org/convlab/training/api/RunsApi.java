package org.convlab.training.api;

import org.convlab.i18n.Text;
import org.convlab.i18n.TextException;
import org.convlab.training.engine.RunRefused;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.convlab.dataset.library.DatasetCatalog;
import org.convlab.dataset.library.DatasetChoice;
import org.convlab.dataset.library.DatasetRefused;
import java.util.OptionalDouble;
import org.convlab.model.ModelValidator;
import org.convlab.model.Presets;
import org.convlab.model.StrictJson;
import org.convlab.model.ValidatedModel;
import org.convlab.training.engine.Hyperparameters;
import tools.jackson.core.type.TypeReference;
import org.convlab.account.AppUser;
import org.convlab.account.CurrentUser;
import org.convlab.training.queue.RunAccess;
import org.convlab.model.InvalidModelException;
import org.convlab.training.queue.RunJob;
import org.convlab.training.queue.RunQueue;
import org.convlab.training.queue.RunUploads;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.convlab.training.queue.RunEstimates;
import org.convlab.training.engine.RunRequestJson;
import org.convlab.training.engine.RunStore;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.convlab.training.engine.RunState;

/**
 * The training queue over HTTP, for scripts and the load test: submit, list, follow, cancel,
 * download. Signed in with HTTP Basic or the browser's session; every call sees only what the
 * signed-in account may see (RunAccess).
 */
@RestController
@RequestMapping("/api/runs")
class RunsApi {

    private final RunQueue queue;
    private final RunAccess access;
    private final CurrentUser current;
    private final RunUploads uploads;
    private final DatasetCatalog catalog;

    RunsApi(RunQueue queue, RunAccess access, CurrentUser current, RunUploads uploads, DatasetCatalog catalog) {
        this.queue = queue;
        this.access = access;
        this.current = current;
        this.uploads = uploads;
        this.catalog = catalog;
    }

    @GetMapping
    List<RunAnswer> mine() {
        AppUser user = current.require();
        RunEstimates estimates = queue.times().estimates();
        return queue.runsOf(user.getId()).stream().map(r -> RunAnswer.of(r, null, estimates.seconds(r))).toList();
    }

    /**
     * Queues a run: a preset's name or a full spec, and settings (defaults for anything left out).
     * The body is read here, with a bound, and parsed by the same strict rules as spec files
     * (RunRequestJson), so every mistake is named precisely.
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RunAnswer> submit(InputStream body) throws IOException {
        AppUser user = current.require();
        byte[] bytes = body.readNBytes(RunRequestJson.MAX_BYTES + 1);
        if (bytes.length > RunRequestJson.MAX_BYTES) {
            throw new RunRefused(Text.of("training.api.request-too-large", RunRequestJson.MAX_BYTES / 1024));
        }
        // Settings left out are the Train page's for that model: a subset that trains in about a
        // minute here and fits the learner's budget, not the engine's all-60,000 default.
        RunRequestJson request = RunRequestJson.parse(new String(bytes, StandardCharsets.UTF_8),
                spec -> queue.times().defaults(ModelValidator.validate(spec, queue.limits()),
                        queue.budgetFor(user.getId())));
        request = fittedToItsData(user, request);
        RunJob job = queue.submit(user.getId(), request.spec(), request.hyperparameters());
        return ResponseEntity.status(HttpStatus.CREATED).body(RunAnswer.of(job, queue.place(job),
                queue.estimatedSeconds(job)));
    }

    /**
     * A preset or recipe asked for on another data set gets that set's input and classes, as on the
     * Train page; a set the learner may not use is refused here with the catalogue's one line.
     */
    private RunRequestJson fittedToItsData(AppUser user, RunRequestJson request) {
        String key = request.hyperparameters().dataset();
        if (key == null || request.specGiven()) {
            return request;   // the default set, or a spec taken as given: the queue checks both
        }
        request.hyperparameters().validate(queue.limits());   // a malformed key is named as a setting
        DatasetChoice data;
        try {
            data = catalog.require(Optional.of(user), key);
        } catch (DatasetRefused e) {
            Throwable refusal = e;
            throw refusal instanceof TextException words ? new RunRefused(words.text()) : new InvalidModelException(e.getMessage());
        }
        return request.fittedTo(data.channels(), data.imageSize(), data.classNames().size());
    }

    /**
     * A run zip (as download gives it) stored again as a finished run of the signed-in learner: the
     * raw zip as the body ({@code application/zip} or {@code application/octet-stream}). The reading
     * is bounded by RunImport's caps; anything else is refused with one line and stores nothing.
     */
    @PostMapping(path = "/upload", consumes = {"application/zip", MediaType.APPLICATION_OCTET_STREAM_VALUE})
    ResponseEntity<RunAnswer> upload(InputStream body) {
        AppUser user = current.require();
        RunJob job = uploads.upload(user.getId(), body);
        return ResponseEntity.status(HttpStatus.CREATED).body(RunAnswer.of(job, null));
    }

    /** The same as a form upload: the zip in the multipart part named {@code file}. */
    @PostMapping(path = "/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<RunAnswer> uploadForm(@RequestParam("file") MultipartFile file) throws IOException {
        AppUser user = current.require();
        try (InputStream in = file.getInputStream()) {
            RunJob job = uploads.upload(user.getId(), in);
            return ResponseEntity.status(HttpStatus.CREATED).body(RunAnswer.of(job, null));
        }
    }

    @GetMapping("/{id}")
    RunAnswer one(@PathVariable String id) {
        RunJob job = access.viewable(id);
        return RunAnswer.of(job, job.getStatus() == RunState.QUEUED ? queue.place(job) : null,
                queue.estimatedSeconds(job));
    }

    /**
     * The Train page's default run for the signed-in learner: the first preset with the settings
     * the page starts with (the largest subset that trains in about a minute here and fits their
     * budget), in the shape POST accepts, and how long it would train ({@code estimatedSeconds},
     * null while this server's speed is being measured).
     */
    @GetMapping("/defaults")
    DefaultRun defaults() {
        AppUser user = current.require();
        String preset = Presets.names().getFirst();
        ValidatedModel model = ModelValidator.validate(Presets.get(preset), queue.limits());
        Hyperparameters hp = queue.times().defaults(model, queue.budgetFor(user.getId()));
        OptionalDouble seconds = queue.times().seconds(model, hp);
        return new DefaultRun(preset, StrictJson.MAPPER.convertValue(hp, new TypeReference<Map<String, Object>>() {}),
                seconds.isPresent() ? Math.round(seconds.getAsDouble()) : null);
    }

    /** A run as POST takes it, with its estimate. */
    record DefaultRun(String preset, Map<String, Object> hyperparameters, Long estimatedSeconds) {}

    @DeleteMapping("/{id}")
    RunAnswer cancel(@PathVariable String id) {
        return RunAnswer.of(access.cancel(id), null);
    }

    @PostMapping("/{id}/front")
    RunAnswer moveToFront(@PathVariable String id) {
        access.moveToFront(id);
        return RunAnswer.of(access.viewable(id), null);
    }

    @GetMapping("/{id}/download")
    ResponseEntity<StreamingResponseBody> download(@PathVariable String id) {
        RunJob job = access.viewable(id);
        if (job.getStatus() != RunState.DONE || job.getDir() == null || !Files.isDirectory(Path.of(job.getDir()))) {
            throw new TextException(Text.of("training.api.no-saved-model", id, Text.of("training.state."
                    + job.getStatus().name().toLowerCase(java.util.Locale.ROOT))));
        }
        Path dir = Path.of(job.getDir());
        StreamingResponseBody body = out -> RunStore.writeZip(id, dir, out);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + id + ".zip\"")
                .contentType(MediaType.parseMediaType("application/zip"))
                .body(body);
    }
}
