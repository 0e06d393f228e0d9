-- current
CREATE TABLE namespaces (id integer NOT NULL, name character varying NOT NULL, path character varying NOT NULL, parent_id integer, type character varying(255) DEFAULT 'User'::character varying NOT NULL);
CREATE SEQUENCE namespaces_id_seq AS integer START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
ALTER SEQUENCE namespaces_id_seq OWNED BY namespaces.id;
ALTER TABLE ONLY namespaces ALTER COLUMN id SET DEFAULT nextval('namespaces_id_seq'::regclass);
ALTER TABLE ONLY namespaces ADD CONSTRAINT namespaces_pkey PRIMARY KEY (id);
-- desired
CREATE TABLE namespaces (id integer NOT NULL, name character varying NOT NULL, path character varying NOT NULL, parent_id integer, type character varying(255) DEFAULT 'User'::character varying NOT NULL, traversal_ids integer[] DEFAULT '{}'::integer[] NOT NULL, visibility_level integer DEFAULT 20 NOT NULL, CONSTRAINT check_2eae3bdf93 CHECK ((char_length((path)::text) <= 255)));
CREATE SEQUENCE namespaces_id_seq AS integer START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
ALTER SEQUENCE namespaces_id_seq OWNED BY namespaces.id;
ALTER TABLE ONLY namespaces ALTER COLUMN id SET DEFAULT nextval('namespaces_id_seq'::regclass);
ALTER TABLE ONLY namespaces ADD CONSTRAINT namespaces_pkey PRIMARY KEY (id);
CREATE INDEX index_namespaces_on_traversal_ids ON namespaces USING gin (traversal_ids);
CREATE INDEX index_namespaces_on_parent_id_and_id ON namespaces USING btree (parent_id, id);
CREATE UNIQUE INDEX index_namespaces_name_parent_id_type ON namespaces USING btree (name, parent_id, type);
ALTER TABLE ONLY namespaces ADD CONSTRAINT fk_7f813d8c90 FOREIGN KEY (parent_id) REFERENCES namespaces(id) ON DELETE RESTRICT NOT VALID;
