-- first version
CREATE TABLE things (id INT PRIMARY KEY);
