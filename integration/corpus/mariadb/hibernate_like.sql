-- current
create table customer (id bigint not null auto_increment, email varchar(255), active bit not null, primary key (id)) engine=InnoDB;
-- desired
create table customer (id bigint not null auto_increment, email varchar(255) not null, active bit not null, created_at datetime(6), version integer not null default 0, primary key (id)) engine=InnoDB;
create table purchase_order (id bigint not null auto_increment, customer_id bigint not null, total decimal(19,2), status varchar(255) check (status in ('NEW','PAID','SHIPPED')), ordered_at datetime(6), primary key (id)) engine=InnoDB;
alter table customer add constraint UK_customer_email unique (email);
alter table purchase_order add constraint FK_purchase_order_customer foreign key (customer_id) references customer (id);
create index IDX_purchase_order_status on purchase_order (status, ordered_at desc);
