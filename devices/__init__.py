"""Counter hardware: receipt printer, cash drawer, serial scanner, customer display, scale.

Each kind of device has one small class; the transport is chosen by a URL in config.toml.
A missing or unplugged device is a state (``DeviceManager.states()``), never a crash.
"""
