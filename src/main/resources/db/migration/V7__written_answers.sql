-- Written questions beside an assignment's rules (decision 009): the teacher asks them, the learner
-- answers them with the run they hand in, and the teacher reads the answers and adds a mark and a
-- comment to the automatic grade.

-- The questions, as a JSON array of strings (AnswersJson); '[]' when the assignment asks none.
alter table assignment add column questions_json varchar not null default '[]';

-- The answers, as a JSON array of {"question", "answer"}: each answer keeps the question it answered,
-- so changing the questions later never pairs an old answer with a new question.
alter table submission add column answers_json varchar not null default '[]';
-- How many training images the run used when it was trained on a subset; null: the full training set.
alter table submission add column train_images int;
-- The teacher's mark (0 to 100) and comment; null until the teacher gives them.
alter table submission add column mark int;
alter table submission add column teacher_comment varchar(2000);
alter table submission add column marked_at timestamp with time zone;
