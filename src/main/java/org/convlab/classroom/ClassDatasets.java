package org.convlab.classroom;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.convlab.dataset.library.ClassMembership;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The classroom's answer to the data set catalogue's question "which classes is this account in?":
 * the classes it belongs to as a learner and those it teaches, so a data set a teacher imports for
 * a class reaches that class's learners and no one else.
 */
@Service
class ClassDatasets implements ClassMembership {

    private final SchoolClassRepository classes;

    ClassDatasets(SchoolClassRepository classes) {
        this.classes = classes;
    }

    @Override
    @Transactional(readOnly = true)
    public Set<Long> classesOf(long accountId) {
        Set<Long> ids = new HashSet<>();
        classes.findByMember(accountId).forEach(c -> ids.add(c.getId()));
        classes.findByTeacherIdOrderByName(accountId).forEach(c -> ids.add(c.getId()));
        return ids;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, String> classesTaught(long teacherId) {
        Map<Long, String> taught = new LinkedHashMap<>();
        classes.findByTeacherIdOrderByName(teacherId).forEach(c -> taught.put(c.getId(), c.getName()));
        return taught;
    }
}
