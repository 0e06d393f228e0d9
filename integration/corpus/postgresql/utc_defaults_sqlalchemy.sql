-- current
CREATE TABLE audit_events (id BIGSERIAL NOT NULL, actor VARCHAR(100), action VARCHAR(50) NOT NULL, created_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now(), CONSTRAINT pk_audit_events PRIMARY KEY (id));
-- desired
CREATE TABLE audit_events (id BIGSERIAL NOT NULL, actor VARCHAR(100), action VARCHAR(50) NOT NULL, created_at TIMESTAMP WITHOUT TIME ZONE DEFAULT timezone('utc', now()) NOT NULL, expires_at TIMESTAMP WITH TIME ZONE DEFAULT (now() + interval '30 days'), day DATE DEFAULT CURRENT_DATE, CONSTRAINT pk_audit_events PRIMARY KEY (id), CONSTRAINT ck_audit_events_action CHECK (action::text ~ '^[a-z_]+$'));
CREATE INDEX ix_audit_events_actor_created ON audit_events (actor, created_at DESC NULLS LAST) WHERE actor IS NOT NULL;
