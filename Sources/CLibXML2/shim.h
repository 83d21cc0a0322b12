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

/* xmlFree is a global function pointer; call it through a function. */
static inline void folio_xml_free(void *p) { xmlFree(p); }
#endif
