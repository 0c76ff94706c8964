"""Test runs as jobs: the tools (api), the runner and job store (jobs), the report, and the targets that run
them (local, ssh, slurm) behind one transport interface."""
