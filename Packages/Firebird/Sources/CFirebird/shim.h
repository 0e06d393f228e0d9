#ifndef SCHEMASYNC_CFIREBIRD_SHIM_H
#define SCHEMASYNC_CFIREBIRD_SHIM_H

#include <stddef.h>
#include <ibase.h>

// Swift cannot call C variadic functions, index XSQLDA's trailing array or expand XSQLDA_LENGTH,
// so these small wrappers do it.

static inline XSQLVAR *cfb_sqlvar(XSQLDA *sqlda, int index) {
    return &sqlda->sqlvar[index];
}

static inline size_t cfb_xsqlda_length(int count) {
    return XSQLDA_LENGTH(count);
}

static inline ISC_STATUS cfb_start_transaction(ISC_STATUS *status, isc_tr_handle *transaction,
                                               isc_db_handle *database,
                                               unsigned short tpb_length, const ISC_SCHAR *tpb) {
    return isc_start_transaction(status, transaction, 1, database, (int)tpb_length, tpb);
}

// ibase.h declares these as `const ISC_STATUS` objects rather than macros; plain values here
// keep Swift from needing (and failing to link) the objects.
enum {
    CFB_GDS_SEGMENT = 335544366,      // isc_segment: the segment did not fit the buffer
    CFB_GDS_SEGSTR_EOF = 335544367,   // isc_segstr_eof: end of the blob
};

#endif
