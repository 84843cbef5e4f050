package org.convlab.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One recorded act of account care: who (a username), what, to whom or what (a description such as
 * {@code ann.lee} or {@code class "7B" (#4)}), when. Names are kept as text so the record outlives
 * the account or class.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "happened_at", nullable = false)
    private Instant happenedAt;

    @Column(nullable = false, length = 64)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private AuditAction action;

    @Column(nullable = false, length = 300)
    private String target;

    protected AuditEvent() {}

    AuditEvent(String actor, AuditAction action, String target) {
        this.happenedAt = Instant.now();
        this.actor = actor;
        this.action = action;
        this.target = target.length() > 300 ? target.substring(0, 300) : target;
    }

    public Long getId() { return id; }
    public Instant getHappenedAt() { return happenedAt; }
    public String getActor() { return actor; }
    public AuditAction getAction() { return action; }
    public String getTarget() { return target; }
}
