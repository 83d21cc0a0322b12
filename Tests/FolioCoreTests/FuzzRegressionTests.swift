import Foundation
import Testing
@testable import FolioCore

/// Inputs found by the libFuzzer targets (Fuzz/, scripts/fuzz), kept as regression tests.
/// Drop a crasher into Fixtures/fuzz/<text|markdown|html>/ as it is; each file must load or
/// fail with an `ExtractionError`, and write nothing to stderr (the screen, under ncurses).
///
/// html/libxml2-encoding-error-*: found by FuzzHTML, whose runs filled stderr with libxml2's
/// "encoding error : input conversion failed" (and "I/O error : encoder error") for pages
/// whose bytes don't fit their charset. libxml2 prints those through its generic error
/// handler even with HTML_PARSE_NOERROR; HTMLParser now installs a silent one.
@Suite(.timeLimit(.minutes(1)))
struct FuzzRegressionTests {
    static let formats: [(folder: String, format: ArticleFormat)] = [("text", .text), ("markdown", .markdown), ("html", .html)]

    static var crashers: [String] {
        formats.flatMap { folder, _ in
            ((try? FileManager.default.contentsOfDirectory(atPath: Fixture.path("fuzz/" + folder))) ?? [])
                .sorted().map { "fuzz/\(folder)/\($0)" }
        }
    }

    @Test(arguments: crashers)
    func crasherLoadsOrFailsCleanly(_ relative: String) throws {
        let bytes = try Fixture.bytes(relative)
        let format = Self.formats.first { relative.hasPrefix("fuzz/\($0.folder)/") }!.format
        var outcome: String?
        let stderr = Self.capturingStandardError {
            do {
                let article = try Extractors.extractor(for: format).extract(from: bytes, fileName: relative)
                outcome = "loaded \(article.body.count) blocks"
            } catch {
                outcome = "failed: \(error)"  // an ExtractionError: the extractors throw nothing else
            }
        }
        #expect(outcome != nil)
        // Only libxml2's messages would come from this thread; other tests may print too.
        #expect(!stderr.contains("encoding error"), "libxml2 wrote to stderr: \(stderr)")
        #expect(!stderr.contains("I/O error"), "libxml2 wrote to stderr: \(stderr)")
    }

    /// Runs `body` with file descriptor 2 sent to a temporary file; returns what was written
    /// (and writes it on to the real stderr).
    static func capturingStandardError(_ body: () -> Void) -> String {
        let path = NSTemporaryDirectory() + "/folio-fuzz-stderr-\(getpid())-\(UUID().uuidString)"
        fflush(stderr)
        let saved = dup(2)
        let file = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard saved >= 0, file >= 0 else { body(); return "" }
        dup2(file, 2)
        close(file)
        body()
        fflush(stderr)
        dup2(saved, 2)
        close(saved)
        defer { unlink(path) }
        let captured = (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data()
        // Tests run in parallel: hand back whatever others (the test runner) wrote meanwhile.
        FileHandle.standardError.write(captured)
        return String(decoding: captured, as: UTF8.self)
    }
}
