CREATE TABLE more_things (id INT PRIMARY KEY);
INSERT INTO more_things VALUES (1);
INSERT INTO more_things VALUES (2);
