package org.convlab.classroom;

import org.convlab.training.queue.RunAccess;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The classroom's answer to the runs' question: does this teacher teach this learner? */
@Component
class ClassTeaching implements RunAccess.Teaching {

    private final SchoolClassRepository classes;

    ClassTeaching(SchoolClassRepository classes) {
        this.classes = classes;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean teaches(long teacherId, long learnerId) {
        return classes.teaches(teacherId, learnerId);
    }
}
