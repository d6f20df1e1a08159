"""Exercise illustrations drawn from pose data: skeleton, kinematics, grounding and drawing."""
