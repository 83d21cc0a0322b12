#ifndef FOLIO_CLIBXML2_SHIM_H
#define FOLIO_CLIBXML2_SHIM_H
#include <dlfcn.h>
#include <string.h>
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
    /* For parsing with folio's own SAX events (folio_html_parse_events): no libxml2 tree. */
    htmlParserCtxtPtr (*newParserCtxt)(void);
    htmlDocPtr (*ctxtReadMemory)(htmlParserCtxtPtr ctxt, const char *buffer, int size, const char *url, const char *encoding, int options);
    void (*freeParserCtxt)(htmlParserCtxtPtr ctxt);
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
    api->newParserCtxt = (htmlParserCtxtPtr (*)(void))dlsym(library, "htmlNewParserCtxt");
    api->ctxtReadMemory = (htmlDocPtr (*)(htmlParserCtxtPtr, const char *, int, const char *, const char *, int))dlsym(library, "htmlCtxtReadMemory");
    api->freeParserCtxt = (void (*)(htmlParserCtxtPtr))dlsym(library, "htmlFreeParserCtxt");
    return api->readMemory && api->freeDoc && api->rootElement && api->nodeGetContent
        && api->setGenericErrorFunc && api->free && *api->free
        && api->newParserCtxt && api->ctxtReadMemory && api->freeParserCtxt;
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

/* The SAX events folio builds its own tree from (see HTMLTreeBuilder.swift). */
typedef struct {
    startElementSAXFunc startElement;
    endElementSAXFunc endElement;
    charactersSAXFunc characters;
    cdataBlockSAXFunc cdataBlock;
    commentSAXFunc comment;
    processingInstructionSAXFunc processingInstruction;
    internalSubsetSAXFunc internalSubset;
} folio_html_events;

/* Parses `buffer` as htmlReadMemory(buffer, size, NULL, "UTF-8", options) does, but
   hands each event to `events` (with `user` as their context) instead of building
   libxml2's tree: the context's handler is cleared first, so no libxml2 tree
   function runs and none is given `user` for a parser context. 0 when no context
   could be made. */
static inline int folio_html_parse_events(const folio_xml_api *api, const char *buffer, int size, int options,
                                          const folio_html_events *events, void *user) {
    htmlParserCtxtPtr ctxt = api->newParserCtxt();
    if (!ctxt) return 0;
    if (!ctxt->sax) { api->freeParserCtxt(ctxt); return 0; }
    memset(ctxt->sax, 0, sizeof(htmlSAXHandler));
    ctxt->sax->startElement = events->startElement;
    ctxt->sax->endElement = events->endElement;
    ctxt->sax->characters = events->characters;
    ctxt->sax->cdataBlock = events->cdataBlock;
    ctxt->sax->comment = events->comment;
    ctxt->sax->processingInstruction = events->processingInstruction;
    ctxt->sax->internalSubset = events->internalSubset;
    ctxt->userData = user;
    htmlDocPtr doc = api->ctxtReadMemory(ctxt, buffer, size, NULL, "UTF-8", options);
    if (doc) api->freeDoc(doc); /* no startDocument event, so none is made */
    api->freeParserCtxt(ctxt);
    return 1;
}
#endif
