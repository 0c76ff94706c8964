"""Device probe run inside the project's environment: prints one JSON line (stdlib, plus torch if present)."""

import json
import platform
import shutil
import subprocess
import sys

info = {
    "python": platform.python_version(),
    "platform": sys.platform,
    "torch": None,
    "cuda_available": False,
    "cuda_version": None,
    "mps_available": False,
    "gpus": [],
    "nvidia_smi": [],
    "driver": None,
    "error": None,
}
smi = shutil.which("nvidia-smi")
if smi:
    q = "--query-gpu=index,name,memory.total,memory.used,driver_version"
    try:
        out = subprocess.run(
            [smi, q, "--format=csv,noheader,nounits"],
            capture_output=True,
            text=True,
            timeout=15,
            stdin=subprocess.DEVNULL,
        ).stdout
        for line in out.strip().splitlines():
            idx, name, total, used, driver = [p.strip() for p in line.split(",")][:5]
            info["nvidia_smi"].append(
                {
                    "index": int(idx),
                    "name": name,
                    "memory_total_mib": float(total),
                    "memory_used_mib": float(used),
                }
            )
            info["driver"] = driver
    except Exception as e:  # nvidia-smi present but broken: say so, go on with torch
        info["error"] = f"nvidia-smi failed: {type(e).__name__}: {e}"
try:
    import torch

    info["torch"] = torch.__version__
    info["cuda_version"] = torch.version.cuda
    info["cuda_available"] = bool(torch.cuda.is_available())
    if info["cuda_available"]:
        for i in range(torch.cuda.device_count()):
            p = torch.cuda.get_device_properties(i)
            info["gpus"].append(
                {
                    "index": i,
                    "name": torch.cuda.get_device_name(i),
                    "memory_total_mib": round(p.total_memory / 2**20, 1),
                    "capability": list(torch.cuda.get_device_capability(i)),
                }
            )
    mps = getattr(torch.backends, "mps", None)
    info["mps_available"] = bool(mps is not None and mps.is_available())
except ImportError:
    pass
except Exception as e:
    info["error"] = f"torch probe failed: {type(e).__name__}: {e}"
print(json.dumps(info))
