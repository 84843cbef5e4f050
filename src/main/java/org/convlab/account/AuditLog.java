package org.convlab.account;

import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record of account care (docs/decisions/008). An event is written in the transaction of the
 * change it records, so a refused change leaves no event and a recorded one did happen.
 */
@Service
public class AuditLog {

    /** The admin page shows this many, newest first. */
    public static final int SHOWN = 500;

    private final AuditEventRepository events;

    public AuditLog(AuditEventRepository events) {
        this.events = events;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AppUser actor, AuditAction action, String target) {
        events.save(new AuditEvent(actor.getUsername(), action, target));
    }

    /** The newest events first, for the admin; anyone else gets nothing. */
    @Transactional(readOnly = true)
    public List<AuditEvent> newest(AppUser viewer) {
        if (viewer == null || !viewer.isAdmin()) {
            return List.of();
        }
        return events.findByOrderByHappenedAtDescIdDesc(PageRequest.of(0, SHOWN));
    }
}
