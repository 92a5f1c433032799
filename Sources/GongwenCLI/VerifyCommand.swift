import ArgumentParser
import Foundation
import GongwenBuild

extension Gongwen {
    /// `gongwen verify`: does the output still hold exactly what was issued?
    struct VerifyCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract:
                "按 manifest.json 核验输出文件，按 SHA256SUMS 核验归档包 / Check every output file against manifest.json "
                + "(size, SHA-256) and each archive package against its SHA256SUMS.")

        @Argument(help: "输出文件夹，或一个归档包 / the output folder, or one archive package")
        var output = "output"

        func run() throws {
            let console = Console()
            do {
                let report = try OutputVerifier(folder: URL(fileURLWithPath: output)).verify()
                for finding in report.findings { console.error(finding.description) }
                if report.holds {
                    console.line(
                        "核验通过：\(report.verified) 个文件与清单一致 / verified: \(report.verified) files match manifest.json")
                } else {
                    console.line(
                        "核验未通过：\(report.findings.count) 处不符，\(report.verified) 个文件一致 / verification failed:"
                            + " \(report.findings.count) differences, \(report.verified) files match")
                    throw ExitCode(GongwenError.Family.invalidData.exitCode)
                }
            } catch let error as GongwenError {
                throw console.fail(error)
            }
        }
    }
}
