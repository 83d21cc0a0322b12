#ifndef FOLIO_CLIBXML2_SHIM_H
#define FOLIO_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* libxml2's headers pull in ICU's when it was built with ICU; Foundation ships
   its own ICU module and the two clash. folio never touches the converter
   fields, only pointers to them, so build the headers without ICU. */
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

/* libxml2 reports encoding and I/O errors ("encoding error : input conversion failed")
   through its generic error handler, which writes to stderr even with HTML_PARSE_NOERROR:
   under ncurses that lands on the screen. The handler is per thread, so install this
   no-op one before each parse. */
static inline void folio_xml_ignore_error(void *context, const char *message, ...) {
    (void)context; (void)message;
}
static inline void folio_xml_silence_errors(void) {
    xmlSetGenericErrorFunc(NULL, folio_xml_ignore_error);
}

/* xmlFree is a global function pointer; call it through a function. */
static inline void folio_xml_free(void *p) { xmlFree(p); }
#endif
