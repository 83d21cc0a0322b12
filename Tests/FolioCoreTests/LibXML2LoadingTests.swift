import Testing
@testable import FolioCore

/// libxml2 is opened when the first page is parsed, not linked into folio.
struct LibXML2LoadingTests {
    @Test func theInstalledLibraryOpensWithEveryFunction() throws {
        let api = try LibXML2.loaded.get()
        #expect(api.readMemory != nil && api.freeDoc != nil && api.rootElement != nil && api.nodeGetContent != nil)
        #expect(api.free?.pointee != nil)
    }

    @Test func aMissingLibrarySaysWhatToInstall() {
        guard case .failure(let missing) = LibXML2.load("libfolio-no-such-library.so.9") else {
            Issue.record("a library that does not exist opened")
            return
        }
        #expect(missing.reason.contains("libfolio-no-such-library.so.9"))
        #expect(missing.description.hasPrefix("reading HTML needs libxml2 ("))
        #expect(missing.description.hasSuffix("install it with: apt-get install libxml2"))
    }

    @Test func aLibraryWithoutTheFunctionsIsRefused() {
        // libm opens, but has none of libxml2's functions.
        guard case .failure(let missing) = LibXML2.load("libm.so.6") else {
            Issue.record("libm was taken for libxml2")
            return
        }
        #expect(missing.reason.contains("htmlReadMemory") || missing.reason.contains("undefined symbol") || missing.reason.contains("libm"))
    }
}
