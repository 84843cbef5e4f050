package org.convlab.dataset.library;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A data set someone imported or drew: whose it is, which class may use it, and what it holds. The
 * images are on disk, in the folder named by the key (DatasetLibrary); this row lets pages list
 * and check data sets without reading an image.
 */
@Entity
@Table(name = "dataset_entry")
public class StoredDataset {

    /** How the data set came to be. */
    public enum Source { IMPORT, DRAWN }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "dataset_key", nullable = false, unique = true, length = 64)
    private String key;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "owner_id", nullable = false)
    private Long ownerId;

    @Column(name = "class_id")
    private Long classId;

    @Column(nullable = false, length = 16)
    private String source;

    @Column(nullable = false)
    private int channels;

    @Column(name = "image_size", nullable = false)
    private int imageSize;

    /** Room for 100 class names of 100 characters, one per line (the importer's caps). */
    public static final int CLASS_NAMES_LENGTH = 10_200;

    /** Class names one per line (names never hold a line break: the importer refuses control characters). */
    @Column(name = "class_names", nullable = false, length = CLASS_NAMES_LENGTH)
    private String classNames;

    @Column(name = "train_count", nullable = false)
    private int trainCount;

    @Column(name = "test_count", nullable = false)
    private int testCount;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected StoredDataset() {}

    StoredDataset(String key, String name, long ownerId, Long classId, Source source, int channels, int imageSize,
            List<String> classNames, int trainCount, int testCount) {
        this.key = key;
        this.name = name;
        this.ownerId = ownerId;
        this.classId = classId;
        this.source = source.name();
        this.channels = channels;
        this.imageSize = imageSize;
        this.classNames = String.join("\n", classNames);
        this.trainCount = trainCount;
        this.testCount = testCount;
        this.createdAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public String getKey() {
        return key;
    }

    public String getName() {
        return name;
    }

    public Long getOwnerId() {
        return ownerId;
    }

    public Long getClassId() {
        return classId;
    }

    public Source getSource() {
        return Source.valueOf(source);
    }

    public int getChannels() {
        return channels;
    }

    public int getImageSize() {
        return imageSize;
    }

    public List<String> getClassNames() {
        return Arrays.asList(classNames.split("\n", -1));
    }

    public int getTrainCount() {
        return trainCount;
    }

    public int getTestCount() {
        return testCount;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
