-- current
CREATE TABLE organizations (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE memberships (id INTEGER PRIMARY KEY AUTOINCREMENT, organization_id INTEGER NOT NULL REFERENCES organizations(id), user_id INTEGER NOT NULL, role TEXT NOT NULL DEFAULT 'member');
CREATE INDEX memberships_org ON memberships(organization_id);
-- desired
CREATE TABLE organizations (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE memberships (id INTEGER PRIMARY KEY AUTOINCREMENT, organization_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE, user_id INTEGER NOT NULL, role TEXT NOT NULL DEFAULT 'member', revoked_at TEXT, UNIQUE (organization_id, user_id));
CREATE UNIQUE INDEX memberships_one_owner ON memberships(organization_id) WHERE role = 'owner' AND revoked_at IS NULL;
CREATE INDEX memberships_user_active ON memberships(user_id, role) WHERE revoked_at IS NULL;
