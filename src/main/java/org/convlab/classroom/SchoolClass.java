package org.convlab.classroom;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import org.convlab.account.AppUser;
/** A teacher's class: learners join it with its code. */
@Entity
@Table(name = "school_class")
public class SchoolClass {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 120)
    private String name;

    @Column(name = "join_code", nullable = false, unique = true, length = 32)
    private String joinCode;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "teacher_id")
    private AppUser teacher;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "class_member", joinColumns = @JoinColumn(name = "class_id"),
            inverseJoinColumns = @JoinColumn(name = "user_id"))
    private Set<AppUser> members = new LinkedHashSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The class's run budget (docs/decisions/014); null: the server's default. */
    @Column(name = "max_image_epochs")
    private Long maxImageEpochs;

    @Column(name = "max_waiting_runs")
    private Integer maxWaitingRuns;

    protected SchoolClass() {}

    public SchoolClass(String name, String joinCode, AppUser teacher) {
        this.name = name;
        this.joinCode = joinCode;
        this.teacher = teacher;
        this.createdAt = Instant.now();
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getJoinCode() { return joinCode; }
    public AppUser getTeacher() { return teacher; }
    public Set<AppUser> getMembers() { return members; }
    public Instant getCreatedAt() { return createdAt; }
    public Long getMaxImageEpochs() { return maxImageEpochs; }
    public Integer getMaxWaitingRuns() { return maxWaitingRuns; }

    /** Null for either keeps the server's default for it. */
    public void setBudget(Long maxImageEpochs, Integer maxWaitingRuns) {
        this.maxImageEpochs = maxImageEpochs;
        this.maxWaitingRuns = maxWaitingRuns;
    }
}
