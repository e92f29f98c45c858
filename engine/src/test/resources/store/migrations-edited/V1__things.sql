-- edited after release
CREATE TABLE things (id INT PRIMARY KEY, name VARCHAR(10));
