import CLibXML2

/// libxml2's functions, opened the first time a page is parsed (see shim.h:
/// linked, it made every command load it and ICU before main).
enum LibXML2 {
    /// The functions, or why libxml2 could not be opened.
    static let loaded = load("libxml2.so.2")

    static func load(_ name: String) -> Result<folio_xml_api, Missing> {
        var api = folio_xml_api()
        if folio_xml_load(&api, name) != 0 { return .success(api) }
        return .failure(Missing(reason: folio_xml_error().map { String(cString: $0) } ?? "\(name) has not got every function folio uses"))
    }

    struct Missing: Error, CustomStringConvertible {
        let reason: String
        var description: String { "reading HTML needs libxml2 (\(reason)); install it with: apt-get install libxml2" }
    }
}
