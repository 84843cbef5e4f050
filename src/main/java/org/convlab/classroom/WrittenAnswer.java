package org.convlab.classroom;

/**
 * A learner's answer to one of an assignment's written questions, kept with the question it
 * answered (the teacher may change the questions later).
 */
public record WrittenAnswer(String question, String answer) {

    public WrittenAnswer {
        question = question == null ? "" : question;
        answer = answer == null ? "" : answer;
    }

    public boolean answered() {
        return !answer.isBlank();
    }
}
