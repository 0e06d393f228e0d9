-- current
CREATE TABLE tenants (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE projects (tenant_id integer NOT NULL REFERENCES tenants (id), id integer NOT NULL, name text NOT NULL, PRIMARY KEY (tenant_id, id));
CREATE TABLE members (tenant_id integer NOT NULL, id integer NOT NULL, email text NOT NULL, PRIMARY KEY (tenant_id, id));
-- desired
CREATE TABLE tenants (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE projects (tenant_id integer NOT NULL REFERENCES tenants (id) ON DELETE CASCADE, id integer NOT NULL, name text NOT NULL, created_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (tenant_id, id), UNIQUE (tenant_id, name));
CREATE TABLE members (tenant_id integer NOT NULL REFERENCES tenants (id) ON DELETE CASCADE, id integer NOT NULL, email text NOT NULL, PRIMARY KEY (tenant_id, id));
CREATE TABLE project_members (tenant_id integer NOT NULL, project_id integer NOT NULL, member_id integer NOT NULL, role text NOT NULL DEFAULT 'viewer', PRIMARY KEY (tenant_id, project_id, member_id), FOREIGN KEY (tenant_id, project_id) REFERENCES projects (tenant_id, id) ON DELETE CASCADE, FOREIGN KEY (tenant_id, member_id) REFERENCES members (tenant_id, id) ON DELETE CASCADE);
CREATE INDEX projects_tenant_created ON projects (tenant_id, created_at DESC);
CREATE UNIQUE INDEX members_tenant_email ON members (tenant_id, lower(email));
