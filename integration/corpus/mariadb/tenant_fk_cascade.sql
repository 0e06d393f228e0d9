-- current
CREATE TABLE tenants (id int unsigned NOT NULL AUTO_INCREMENT, slug varchar(64) NOT NULL, PRIMARY KEY (id), UNIQUE KEY slug (slug));
CREATE TABLE projects (tenant_id int unsigned NOT NULL, id int unsigned NOT NULL, name varchar(100) NOT NULL, PRIMARY KEY (tenant_id, id), CONSTRAINT projects_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (id));
CREATE TABLE issues (id bigint unsigned NOT NULL AUTO_INCREMENT, tenant_id int unsigned NOT NULL, project_id int unsigned NOT NULL, title varchar(255) NOT NULL, PRIMARY KEY (id), KEY issues_project (tenant_id, project_id), CONSTRAINT issues_project_fk FOREIGN KEY (tenant_id, project_id) REFERENCES projects (tenant_id, id));
-- desired
CREATE TABLE tenants (id int unsigned NOT NULL AUTO_INCREMENT, slug varchar(64) NOT NULL, PRIMARY KEY (id), UNIQUE KEY slug (slug));
CREATE TABLE projects (tenant_id int unsigned NOT NULL, id int unsigned NOT NULL, name varchar(100) NOT NULL, PRIMARY KEY (tenant_id, id), UNIQUE KEY projects_tenant_name (tenant_id, name), CONSTRAINT projects_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE CASCADE ON UPDATE CASCADE);
CREATE TABLE issues (id bigint unsigned NOT NULL AUTO_INCREMENT, tenant_id int unsigned NOT NULL, project_id int unsigned NOT NULL, title varchar(255) NOT NULL, iid int unsigned NOT NULL DEFAULT 0, PRIMARY KEY (id), UNIQUE KEY issues_project_iid (tenant_id, project_id, iid), CONSTRAINT issues_project_fk FOREIGN KEY (tenant_id, project_id) REFERENCES projects (tenant_id, id) ON DELETE CASCADE ON UPDATE CASCADE);
CREATE VIEW open_issue_counts AS SELECT tenant_id, project_id, count(*) AS n FROM issues GROUP BY tenant_id, project_id;
