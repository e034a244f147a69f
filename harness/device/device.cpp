#include "harness/device/device.hpp"

namespace cdcts {

const char* handleAccessName(HandleAccess access)
{
    switch (access) {
    case HandleAccess::None: return "none";
    case HandleAccess::Read: return "read";
    case HandleAccess::ReadWrite: return "readwrite";
    }
    return "?";
}

bool grants(HandleAccess held, ioctl::RequiredAccess required)
{
    const auto need = static_cast<unsigned>(required);
    return (static_cast<unsigned>(held) & need) == need;
}

}  // namespace cdcts
