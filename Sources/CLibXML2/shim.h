#ifndef FOLIO_CLIBXML2_SHIM_H
#define FOLIO_CLIBXML2_SHIM_H
#include <dlfcn.h>
#include <libxml/xmlversion.h>
/* libxml2's headers pull in ICU's when it was built with ICU; Foundation ships
   its own ICU module and the two clash. folio never touches the converter
   fields, only pointers to them, so build the headers without ICU. */
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

/* folio opens libxml2 the first time it parses a page, not at every start:
   linked, it and the ICU, zlib, lzma and C++ libraries it needs were loaded
   before main by every command, about 0.8 ms each time. These are the
   functions folio calls, found with dlsym. */
typedef struct {
    htmlDocPtr (*readMemory)(const char *buffer, int size, const char *url, const char *encoding, int options);
    void (*freeDoc)(xmlDocPtr doc);
    xmlNodePtr (*rootElement)(const xmlDoc *doc);
    xmlChar *(*nodeGetContent)(const xmlNode *node);
    void (*setGenericErrorFunc)(void *context, xmlGenericErrorFunc handler);
    xmlFreeFunc *free; /* xmlFree is a variable holding the function */
} folio_xml_api;

/* Fills `api` from `name` (libxml2.so.2); 0 when the library or a function is
   missing (folio_xml_error says why). */
static inline int folio_xml_load(folio_xml_api *api, const char *name) {
    void *library = dlopen(name, RTLD_NOW | RTLD_LOCAL);
    if (!library) return 0;
    api->readMemory = (htmlDocPtr (*)(const char *, int, const char *, const char *, int))dlsym(library, "htmlReadMemory");
    api->freeDoc = (void (*)(xmlDocPtr))dlsym(library, "xmlFreeDoc");
    api->rootElement = (xmlNodePtr (*)(const xmlDoc *))dlsym(library, "xmlDocGetRootElement");
    api->nodeGetContent = (xmlChar *(*)(const xmlNode *))dlsym(library, "xmlNodeGetContent");
    api->setGenericErrorFunc = (void (*)(void *, xmlGenericErrorFunc))dlsym(library, "xmlSetGenericErrorFunc");
    api->free = (xmlFreeFunc *)dlsym(library, "xmlFree");
    return api->readMemory && api->freeDoc && api->rootElement && api->nodeGetContent
        && api->setGenericErrorFunc && api->free && *api->free;
}

static inline const char *folio_xml_error(void) { return dlerror(); }

/* libxml2 reports encoding and I/O errors ("encoding error : input conversion failed")
   through its generic error handler, which writes to stderr even with HTML_PARSE_NOERROR:
   under ncurses that lands on the screen. The handler is per thread, so install this
   no-op one before each parse. */
static inline void folio_xml_ignore_error(void *context, const char *message, ...) {
    (void)context; (void)message;
}
static inline void folio_xml_silence_errors(const folio_xml_api *api) {
    api->setGenericErrorFunc(NULL, folio_xml_ignore_error);
}
#endif
