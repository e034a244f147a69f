#pragma once
// cdcts exit codes, the same for every subcommand.
namespace cdcts::cli {
inline constexpr int kExitOk = 0;            // everything passed / the request succeeded
inline constexpr int kExitFailed = 1;        // a test failed / the IOCTL completed with an error or warning
inline constexpr int kExitBadUsage = 2;      // bad arguments, a bad devices.yaml, a device that cannot be opened
}  // namespace cdcts::cli
