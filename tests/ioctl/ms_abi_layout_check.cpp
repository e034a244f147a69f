// Compiled (not run) for i686-pc-windows-msvc and x86_64-pc-windows-msvc: the static_asserts in the
// structure headers then hold under the MS ABI of both Windows targets, not only on the build host.
#include "harness/ioctl/structures.hpp"

namespace cdcts::ioctl {
static_assert(sizeof(void*) == 4 ? sizeof(GET_CONFIGURATION_IOCTL_INPUT) == 16
                                 : sizeof(GET_CONFIGURATION_IOCTL_INPUT) == 24);
static_assert(alignof(RAW_READ_INFO) == 8 && alignof(DISK_GEOMETRY) == 8);
}  // namespace cdcts::ioctl
