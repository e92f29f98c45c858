-- Small string preferences kept between runs (theme, last topology...).
CREATE TABLE settings (
    setting_key   VARCHAR(200) PRIMARY KEY,
    setting_value VARCHAR(4000) NOT NULL
);
