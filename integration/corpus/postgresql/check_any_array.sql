-- current
CREATE TABLE orders (id bigint PRIMARY KEY, status varchar(20) NOT NULL DEFAULT 'pending', payment_method text, CONSTRAINT orders_status_check CHECK (status IN ('pending', 'paid')));
-- desired
CREATE TABLE orders (id bigint PRIMARY KEY, status varchar(20) NOT NULL DEFAULT 'pending', payment_method text, priority integer NOT NULL DEFAULT 0, CONSTRAINT orders_status_check CHECK (status::text = ANY (ARRAY['pending'::varchar, 'paid'::varchar, 'shipped'::varchar, 'refunded'::varchar]::text[])), CONSTRAINT orders_payment_method_check CHECK (payment_method = ANY ('{card,paypal,invoice}'::text[])), CONSTRAINT orders_priority_check CHECK (priority <> ALL (ARRAY[-1, 13])));
