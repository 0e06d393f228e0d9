-- current
CREATE TABLE public.settings (key text PRIMARY KEY);
-- desired
CREATE TABLE public.settings (key text PRIMARY KEY, value text NOT NULL DEFAULT '');
CREATE INDEX CONCURRENTLY settings_value ON public.settings (value);
