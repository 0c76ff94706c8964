"""Device probe, run inside the project's own environment (stdlib, plus torch if present).

`python p2c_probe.py` prints one JSON line; the report plugin calls smi() at session start and probe() at the
end, in the test process itself, when torch is already imported there (then the probe costs nothing).
"""

import json
import platform
import shutil
import subprocess
import sys


def smi():
    """GPUs, memory in use and the driver from nvidia-smi (empty without it)."""
    found, driver, error = [], None, None
    exe = shutil.which("nvidia-smi")
    if exe:
        q = "--query-gpu=index,name,memory.total,memory.used,driver_version"
        try:
            out = subprocess.run(
                [exe, q, "--format=csv,noheader,nounits"],
                capture_output=True,
                text=True,
                timeout=15,
                stdin=subprocess.DEVNULL,
            ).stdout
            for line in out.strip().splitlines():
                idx, name, total, used, driver = [p.strip() for p in line.split(",")][:5]
                found.append(
                    {
                        "index": int(idx),
                        "name": name,
                        "memory_total_mib": float(total),
                        "memory_used_mib": float(used),
                    }
                )
        except Exception as e:  # present but broken: say so, go on with torch
            error = f"nvidia-smi failed: {type(e).__name__}: {e}"
    return {"nvidia_smi": found, "driver": driver, "error": error}


def probe(smi_info=None):
    info = {
        "python": platform.python_version(),
        "platform": sys.platform,
        "torch": None,
        "cuda_available": False,
        "cuda_version": None,
        "mps_available": False,
        "gpus": [],
    }
    info.update(smi_info if smi_info is not None else smi())
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
    return info


if __name__ == "__main__":
    print(json.dumps(probe()))
