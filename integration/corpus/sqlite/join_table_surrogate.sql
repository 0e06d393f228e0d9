-- current
CREATE TABLE students (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE courses (id INTEGER PRIMARY KEY, title TEXT NOT NULL);
CREATE TABLE enrollments (student_id INTEGER NOT NULL REFERENCES students (id), course_id INTEGER NOT NULL REFERENCES courses (id), PRIMARY KEY (student_id, course_id));
-- desired
CREATE TABLE students (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE courses (id INTEGER PRIMARY KEY, title TEXT NOT NULL);
CREATE TABLE enrollments (id INTEGER PRIMARY KEY AUTOINCREMENT, student_id INTEGER NOT NULL REFERENCES students (id) ON DELETE CASCADE, course_id INTEGER NOT NULL REFERENCES courses (id) ON DELETE CASCADE, grade TEXT, UNIQUE (student_id, course_id));
CREATE INDEX enrollments_course ON enrollments (course_id);
