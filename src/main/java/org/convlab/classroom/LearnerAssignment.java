package org.convlab.classroom;

import java.util.Optional;

/** An assignment on a learner's list, with the submission that counts so far and how many they made. */
public record LearnerAssignment(AssignmentDetails assignment, Optional<SubmissionDetails> counted, int submissions) {}
