-- The language an account chose with the header's switch (an IETF tag: "de", "es", "en");
-- null follows the browser's preferred languages.
alter table app_user add column language varchar(16);
