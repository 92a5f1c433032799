import ArgumentParser
import Foundation
import GongwenBuild
import GongwenModel

/// Everything the commands print: diagnostics to standard error, sorted by place, and a summary; progress
/// lines only when standard error is a terminal, so logs and pipes stay clean.
struct Console {
    func line(_ text: String) {
        Swift.print(text)
    }

    func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    func progress(_ text: String) {
        if isatty(STDERR_FILENO) != 0 { error(text) }
    }

    func print(diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        let sorted = diagnostics.enumerated().sorted { lhs, rhs in
            let (a, b) = (lhs.element.location, rhs.element.location)
            return (a.file, a.row ?? 0, a.column ?? 0, lhs.offset) < (b.file, b.row ?? 0, b.column ?? 0, rhs.offset)
        }.map(\.element)
        for diagnostic in sorted { error(diagnostic.description) }
        let errors = diagnostics.errors.findingCount
        let warnings = diagnostics.warnings.findingCount
        error("共 \(errors) 个错误，\(warnings) 个警告 / \(errors) errors, \(warnings) warnings")
    }

    /// What a change to the campaign's data came to: nothing (a dry run), or the history entry that undoes it.
    func recorded(_ entry: DataHistory.Entry?, dryRun: Bool) {
        if dryRun {
            line("（试运行，未改动任何文件 / dry run: nothing was changed）")
        } else if let entry {
            line(
                "已记录为第 \(entry.number) 次修改，可用 gongwen history undo \(entry.number) 撤销 / recorded as change"
                    + " \(entry.number); undo it with gongwen history undo \(entry.number)")
        }
    }

    /// Prints the error's findings (file, row, field), then the error, and turns it into its exit code.
    func failWithDiagnostics(_ failure: Error) -> ExitCode {
        if let failure = failure as? GongwenError { print(diagnostics: failure.diagnostics) }
        return fail(failure)
    }

    /// Prints the error and turns it into the exit code of its family.
    func fail(_ failure: Error) -> ExitCode {
        if let failure = failure as? GongwenError {
            error("gongwen: \(failure)")
            return ExitCode(failure.family.exitCode)
        }
        error("gongwen: \(failure)")
        return ExitCode(GongwenError.Family.io.exitCode)
    }
}
